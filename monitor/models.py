"""SQLModel tables: the whole schema of the monitor, and nothing else.

Schema changes go through Alembic (``migrations/``); ``alembic check`` in the tests keeps
these classes and the migrations in step.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Column, MetaData, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

# Named constraints, so that Alembic's batch mode on SQLite can drop and recreate them.
SQLModel.metadata = MetaData(
    naming_convention={
        "ix": "ix_%(column_0_label)s",
        "uq": "uq_%(table_name)s_%(column_0_name)s",
        "ck": "ck_%(table_name)s_%(constraint_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)


class Ronde(SQLModel, table=True):
    """One yearly round of the monitor."""

    id: int | None = Field(default=None, primary_key=True)
    jaar: int = Field(unique=True, index=True)
    titel: str
    peildatum: date | None = None
    open_datum: date | None = None
    sluit_datum: date | None = None
    status: str = "concept"  # domain.RondeStatus
    zichtbaarheid: str = "genoemd"  # domain.Zichtbaarheid: peers named or anonymised
    benchmark_na_indienen: bool = True  # peers visible only after submitting one's own answers
    vorige_ronde_id: int | None = Field(default=None, foreign_key="ronde.id")
    gepubliceerd_op: datetime | None = None


class StatusDefinitie(SQLModel, table=True):
    """What an answer option (nog niet begonnen … afgerond, ja, nee) means in one round, and
    where that wording comes from (the report's text, or ours, marked as ours)."""

    ronde_id: int = Field(foreign_key="ronde.id", primary_key=True)
    optie: str = Field(primary_key=True)  # domain.STATUS_OPTIES / JANEE_OPTIES code
    betekenis: str = Field(sa_column=Column(Text, nullable=False))
    bron: str = Field(sa_column=Column(Text, nullable=False))


class Thema(SQLModel, table=True):
    nr: int = Field(primary_key=True)
    titel: str
    paragraaf: str = ""  # paragraph of the Hervormingsagenda
    ambitie: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))


class Organisatie(SQLModel, table=True):
    """One respondent: a gemeente, a jeugdregio or one of the national actors."""

    code: str = Field(primary_key=True)  # GM0363, JZ23, RIJK, VNG, BGZJ, SBJ, KBL
    naam: str = Field(index=True)
    actortype: str = Field(index=True)  # domain.ACTORTYPE_CODES
    jeugdregio_code: str | None = Field(default=None, index=True)
    provincie_code: str | None = None
    provincie_naam: str | None = None
    inwoners: int | None = None
    inwonersklasse: str | None = None
    niet_noemen: bool = False  # opt-out: never shown by name in benchmarks


class Afspraak(SQLModel, table=True):
    """An agreement of the Hervormingsagenda; several actors may answer on the same one."""

    code: str = Field(primary_key=True)
    thema_nr: int = Field(foreign_key="thema.nr", index=True)
    tekst: str = Field(sa_column=Column(Text, nullable=False))
    paragraaf: str = ""


class AfspraakAfhankelijkheid(SQLModel, table=True):
    """``afspraak_code`` can only be finished once ``hangt_af_van`` is."""

    afspraak_code: str = Field(foreign_key="afspraak.code", primary_key=True)
    hangt_af_van: str = Field(foreign_key="afspraak.code", primary_key=True)
    bron: str = ""  # the report's line, or 'afgeleid: …' for our inference


class Planning(SQLModel, table=True):
    """One version of an afspraak's deadline; the version in force at a peildatum counts."""

    id: int | None = Field(default=None, primary_key=True)
    afspraak_code: str = Field(foreign_key="afspraak.code", index=True)
    soort: str  # domain.PlanningSoort
    datum: date  # the deadline: end of the quarter or year named
    tekst: str  # as published, e.g. 'Klaar Q2 2024'
    bron: str  # Hervormingsagenda, Implementatieplan, a later revision
    geldig_vanaf: date  # from when this version is in force
    # Where the report names it ('rapport §3.4 tabel, regel 342') or 'afgeleid: …'; empty for
    # versions recorded in the app (their ``bron`` says where they come from).
    bron_rapport: str = ""


class Vraag(SQLModel, table=True):
    __table_args__ = (UniqueConstraint("ronde_id", "code"),)

    id: int | None = Field(default=None, primary_key=True)
    ronde_id: int = Field(foreign_key="ronde.id", index=True)
    code: str
    actortype: str = Field(index=True)
    thema_nr: int | None = Field(default=None, foreign_key="thema.nr")
    afspraak_code: str | None = Field(default=None, foreign_key="afspraak.code")
    soort: str = "afspraak"  # afspraak | informatie | beleving
    vraagtype: str  # domain.Vraagtype
    tekst: str = Field(sa_column=Column(Text, nullable=False))
    opties: str = ""  # own options of keuze/meerkeuze: 'code=Label|code=Label'
    toon_als: str = ""  # condition: 'VRAAGCODE=optie' (asked only after that answer)
    minimum: float | None = None
    maximum: float | None = None
    volgorde: int = 0
    verplicht: bool = True
    herkomst: str = ""  # tabel | tekst | gereconstrueerd (see data/README.md)
    voorganger_id: int | None = Field(default=None, foreign_key="vraag.id")


class Antwoord(SQLModel, table=True):
    __table_args__ = (UniqueConstraint("ronde_id", "organisatie_code", "vraag_id"),)

    id: int | None = Field(default=None, primary_key=True)
    ronde_id: int = Field(foreign_key="ronde.id", index=True)
    organisatie_code: str = Field(foreign_key="organisatie.code", index=True)
    vraag_id: int = Field(foreign_key="vraag.id", index=True)
    waarde: str | None = None  # option code; ';'-joined codes for meerkeuze; number as text
    toelichting: str | None = Field(default=None, sa_column=Column(Text))
    status: str = "concept"  # domain.AntwoordStatus
    versie: int = 1  # optimistic locking: a save based on an older versie is refused
    voorlopig: bool = False  # the invuller marks this answer as provisional
    gewijzigd_op: datetime | None = None
    gewijzigd_door: str | None = None


class Inzending(SQLModel, table=True):
    """Where an organisation stands with its questionnaire of a round."""

    ronde_id: int = Field(foreign_key="ronde.id", primary_key=True)
    organisatie_code: str = Field(foreign_key="organisatie.code", primary_key=True)
    status: str = "concept"  # domain.AntwoordStatus
    ingediend_op: datetime | None = None
    heropend_door: str | None = None
    voorlopig: bool = False  # submitted as provisional ("Deze indiening is voorlopig")


class AuditRegel(SQLModel, table=True):
    """Every change to an answer: who, when, old, new, and where it came from."""

    id: int | None = Field(default=None, primary_key=True)
    op: datetime = Field(index=True)
    door: str
    bron: str  # invullen | import:<bestand> | demo | cli | beheer
    tabel: str
    sleutel: str  # e.g. '2024/GM0363/GEM.1.01'
    veld: str
    oud: str | None = Field(default=None, sa_column=Column(Text))
    nieuw: str | None = Field(default=None, sa_column=Column(Text))


class Account(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    email: str = Field(unique=True, index=True)
    naam: str = ""
    password_hash: str | None = None
    rol: str  # domain.Rol
    organisatie_code: str | None = Field(default=None, foreign_key="organisatie.code")
    actief: bool = True
    aangemaakt_op: datetime | None = None


class InlogTeller(SQLModel, table=True):
    """Recent failed sign-ins of one e-mail address or one client, for the growing delays.

    Kept for every address tried, known or not, so that the delays reveal no accounts; the key
    is a hash, so unknown addresses typed by others are not stored in readable form.
    """

    sleutel: str = Field(primary_key=True)  # "adres:<sha256>" or "client:<sha256>"
    pogingen: int = 0  # attempts since the last success (or since a quiet hour)
    laatste: datetime  # the latest attempt
    wacht_tot: datetime | None = None  # no attempt is checked before this moment


class Uitnodiging(SQLModel, table=True):
    """A one-time invitation link for an organisation; only the token's hash is stored."""

    id: int | None = Field(default=None, primary_key=True)
    token_hash: str = Field(unique=True)
    organisatie_code: str = Field(foreign_key="organisatie.code")
    rol: str = "invuller"
    verloopt_op: datetime
    gebruikt_op: datetime | None = None
    aangemaakt_door: str = ""


class Inlogsessie(SQLModel, table=True):
    """A sign-in that outlives the browser tab: the cookie refers to this row.

    Only hashes of the session token and of the one-time handover code are stored. A row ends
    when it is revoked (sign-out, account blocked), idle too long or past its absolute end.
    """

    id: int | None = Field(default=None, primary_key=True)
    token_hash: str = Field(unique=True)
    account_id: int = Field(foreign_key="account.id", index=True)
    aangemaakt_op: datetime
    laatst_actief: datetime
    verloopt_op: datetime  # absolute end, whatever the activity
    ingetrokken_op: datetime | None = None
    overdracht_hash: str | None = Field(default=None, unique=True)  # one-time, to set the cookie
    overdracht_verloopt_op: datetime | None = None


class PeerGroep(SQLModel, table=True):
    """A custom benchmark group saved by a user."""

    id: int | None = Field(default=None, primary_key=True)
    account_id: int = Field(foreign_key="account.id", index=True)
    naam: str
    leden: str = ""  # ';'-joined organisation codes


class Deck(SQLModel, table=True):
    """The chosen and ordered slides of a reflectiesessie."""

    id: int | None = Field(default=None, primary_key=True)
    ronde_id: int = Field(foreign_key="ronde.id", index=True)
    naam: str
    dias: str = ""  # ';'-joined slide keys in order


class Notitie(SQLModel, table=True):
    """A note taken during a reflectiesessie; an actiepunt when it has an owner."""

    id: int | None = Field(default=None, primary_key=True)
    ronde_id: int = Field(foreign_key="ronde.id", index=True)
    dia: str  # slide key
    tekst: str = Field(sa_column=Column(Text, nullable=False))
    is_actiepunt: bool = False
    eigenaar_actortype: str | None = None
    deadline: date | None = None
    opvolging: str | None = Field(default=None, sa_column=Column(Text))
    aangemaakt_op: datetime
    door: str = ""


class Bevinding(SQLModel, table=True):
    """The edited bevindingen of one thema in one round (the draft is computed, not stored)."""

    __table_args__ = (UniqueConstraint("ronde_id", "thema_nr"),)

    id: int | None = Field(default=None, primary_key=True)
    ronde_id: int = Field(foreign_key="ronde.id", index=True)
    thema_nr: int
    tekst: str = Field(sa_column=Column(Text, nullable=False))
    bewaard_op: datetime
    door: str = ""  # the role of the writer, never a personal name


class RondeSnapshot(SQLModel, table=True):
    """The frozen aggregates of a published round (JSON), unchanged by later edits."""

    ronde_id: int = Field(foreign_key="ronde.id", primary_key=True)
    gemaakt_op: datetime
    inhoud: str = Field(sa_column=Column(Text, nullable=False))


class MonitorMeta(SQLModel, table=True):
    """Key/value facts about the database: demo data present, data versie for caches."""

    sleutel: str = Field(primary_key=True)
    waarde: str


class ImportKoppeling(SQLModel, table=True):
    """A confirmed mapping of a survey platform's headers onto ours, saved per source name."""

    id: int | None = Field(default=None, primary_key=True)
    naam: str = Field(unique=True)
    kenmerk: str = Field(index=True)  # sha256 of the normalised header set
    kop_rijen: int = 1
    kolommen: str = Field(sa_column=Column(Text, nullable=False))  # JSON [[kop, doel|null]]
    gewijzigd_op: datetime
    door: str = ""
