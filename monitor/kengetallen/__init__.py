"""Every figure the monitor shows, pure: frames in, frames out, 0–100."""
