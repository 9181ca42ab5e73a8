"""Print-layout reports."""
