"""Widgets: the enterprise dock and its dialogs."""
