"""The directory's data stage: load YAML strictly, validate it, build the typed model.

Outputs (pages, finder, feeds, leaflets) read only :class:`~build_tools.data.model.Directory`;
nothing in this package imports an output.
"""
