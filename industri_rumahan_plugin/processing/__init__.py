"""The ``industrirumahan`` Processing provider and its algorithms (one per file)."""
