"""Build pipeline for the help-directory site."""
