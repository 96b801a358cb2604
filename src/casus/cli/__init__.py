"""The ``casus`` command-line interface."""
