"""Benchmark: peer groups, their statistics, the comparison and the profile."""
