"""Keeping entries true: the list of places due for a call, and stamping a confirmed one."""
