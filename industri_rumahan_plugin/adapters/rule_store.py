"""Stage-suggestion rules stored in the project (JSON), defaults when none or unusable."""

from __future__ import annotations

from typing import Any

from qgis.core import QgsProject

from industri_rumahan_plugin.core import stage_rules

SCOPE = "IndustriRumahan"
KEY = "stage_rules"


def load_rules(project: QgsProject | None = None) -> dict[str, Any]:
    """The project's rules, or the documented defaults (a broken entry is not fatal)."""
    project = project or QgsProject.instance()
    text, ok = project.readEntry(SCOPE, KEY, "")
    if not ok or not text:
        return stage_rules.default_rules()
    try:
        return stage_rules.from_json(text)
    except stage_rules.RulesError:
        return stage_rules.default_rules()


def save_rules(rules: dict[str, Any], project: QgsProject | None = None) -> None:
    """Check and store the rules in the project (saved with the .qgz)."""
    problems = stage_rules.check_rules(rules)
    if problems:
        raise stage_rules.RulesError(problems)
    (project or QgsProject.instance()).writeEntry(SCOPE, KEY, stage_rules.to_json(rules))


def reset_rules(project: QgsProject | None = None) -> None:
    (project or QgsProject.instance()).removeEntry(SCOPE, KEY)
