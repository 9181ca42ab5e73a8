"""The enterprise layer's own QGIS attribute form, built from core/schema.py.

Value maps from the catalogues, constraints from core/validation.py (the same rules the dock
checks), aliases, one drag-and-drop tab per schema section, and defaults for ``uid``,
``dibuat``, ``diubah`` and ``diubah_oleh``. QGIS's identify, add-feature and attribute-table
tools then behave like the plugin's panel, which itself shows a ``QgsAttributeForm`` of this
configuration.
"""

from __future__ import annotations

from qgis.core import (
    QgsAttributeEditorContainer,
    QgsAttributeEditorField,
    QgsDefaultValue,
    QgsEditFormConfig,
    QgsEditorWidgetSetup,
    QgsFieldConstraints,
    QgsValueMapFieldFormatter,
    QgsVectorLayer,
)

from industri_rumahan_plugin import toolbelt
from industri_rumahan_plugin.compat import Misc
from industri_rumahan_plugin.core import catalogue, schema, validation

HARD = QgsFieldConstraints.ConstraintStrength.ConstraintStrengthHard

#: Defaults as QGIS expressions: (expression, apply on update).
DEFAULTS: dict[str, tuple[str, bool]] = {
    "uid": ("uuid('WithoutBraces')", False),
    "dibuat": ("now()", False),
    "diubah": ("now()", True),
    "diubah_oleh": ("@user_account_name", True),
}
READ_ONLY = ("uid", "dibuat", "diubah", "diubah_oleh")
#: layer property naming the language the form was configured in
LANGUAGE_PROPERTY = "industri_rumahan/form_language"
MULTILINE = ("catatan", "alamat")
PHOTO_FIELDS = ("foto",)
#: The folder relative photo paths start from: the GeoPackage's own folder.
PHOTO_ROOT = "file_path(layer_property(@layer, 'path'))"


def photo_widget_setup() -> QgsEditorWidgetSetup:
    """An attachment widget showing the photo: paths stored relative to the database's
    folder (QField stores them relative to its project folder, which holds the package's
    GeoPackage), so the office database, a field package and QField resolve the same text."""
    root = {"active": True, "expression": PHOTO_ROOT, "type": 3}  # expression-based
    return QgsEditorWidgetSetup("ExternalResource", {
        "FileWidget": True, "FileWidgetButton": True, "UseLink": False, "FullUrl": False,
        "DocumentViewer": 1,  # image
        "DocumentViewerHeight": 240, "DocumentViewerWidth": 0,
        "RelativeStorage": 2,  # relative to the root path below
        "StorageMode": 0,  # a file
        "FileWidgetFilter": toolbelt.tr("Images (*.jpg *.jpeg *.png)"),
        "PropertyCollection": {"name": "0", "type": "collection",
                               "properties": {"propertyRootPath": root}},
    })


#: units of the schema (stored in Indonesian) as the form shows them per language
UNIT_LABELS: dict[str, dict[str, str]] = {"orang": {"id": "orang", "en": "people"}}


def unit_label(unit: str, lang: str) -> str:
    """A unit in the form's language ("2 orang" / "2 people"); others (km², Rp) as they are."""
    return UNIT_LABELS.get(unit, {}).get(lang, unit)


def constraint_text(issue: validation.Issue, lang: str) -> str:
    """A core message translated through Qt (English source), Indonesian from core as fallback."""
    source = issue.template("en")
    translated = toolbelt.tr(source)
    if translated == source and lang == "id":
        translated = issue.template("id")
    return translated.format(**issue.params)


def widget_setup(spec: schema.Field, lang: str = "id") -> QgsEditorWidgetSetup:
    """The editor widget suited to one schema field."""
    if spec.catalogue:
        entries = catalogue.CATALOGUES[spec.catalogue]
        # list of single-entry maps keeps catalogue order; first an explicit "not filled in"
        # entry so an empty value shows as such (and a required field gets its message)
        empty_label = f"({catalogue.unfilled_label(lang).lower()})"
        empty = {empty_label: QgsValueMapFieldFormatter.NULL_VALUE}
        return QgsEditorWidgetSetup(
            "ValueMap", {"map": [empty, *({e.label(lang): e.code} for e in entries)]}
        )
    if spec.type == "bool":
        return QgsEditorWidgetSetup("CheckBox", {"CheckedState": "", "UncheckedState": ""})
    if spec.type == "datetime":
        return QgsEditorWidgetSetup("DateTime", {
            "field_format": "yyyy-MM-ddTHH:mm:ss", "display_format": "dd-MM-yyyy HH:mm",
            "calendar_popup": True, "allow_null": True,
        })
    if spec.type in ("int", "int64", "double"):
        # limits wide enough never to clamp what the rules report (the constraint says why)
        minimum, maximum = validation.input_limits(spec)
        config = {
            "Style": "SpinBox", "AllowNull": True, "Step": 1,
            "Min": int(minimum), "Max": int(maximum), "Precision": 0,
        }
        if spec.unit == "Rp":
            config.update({"Step": 100_000, "Suffix": "", "Prefix": "Rp "})
        elif spec.unit:
            config["Suffix"] = f" {unit_label(spec.unit, lang)}"
        return QgsEditorWidgetSetup("Range", config)
    if spec.name in PHOTO_FIELDS:
        return photo_widget_setup()
    if spec.name in MULTILINE:
        return QgsEditorWidgetSetup("TextEdit", {"IsMultiline": True, "UseHtml": False})
    return QgsEditorWidgetSetup("TextEdit", {"IsMultiline": False, "UseHtml": False})


def configure_enterprise_layer(layer: QgsVectorLayer, lang: str | None = None) -> None:
    """Apply the schema's form, constraints, aliases and defaults to an enterprise layer.

    Idempotent; fields missing from the layer are skipped (older files keep working).
    """
    lang = lang or toolbelt.language()
    fields = layer.fields()
    expressions = validation.constraint_expressions(lang)
    required = set(validation.required_fields())
    form = layer.editFormConfig()
    for spec in schema.ENTERPRISE_FIELDS:
        idx = fields.indexOf(spec.name)
        if idx < 0:
            continue
        layer.setFieldAlias(idx, spec.alias(lang))
        layer.setEditorWidgetSetup(idx, widget_setup(spec, lang))
        if spec.name in required:
            layer.setFieldConstraint(idx, QgsFieldConstraints.Constraint.ConstraintNotNull, HARD)
        else:
            layer.removeFieldConstraint(idx, QgsFieldConstraints.Constraint.ConstraintNotNull)
        if spec.name in expressions:
            expression, issue = expressions[spec.name]
            if spec.name in required:
                expression = f"({expression}) AND {_not_blank(spec)}"
            layer.setConstraintExpression(idx, expression, constraint_text(issue, lang))
        elif spec.name in required:
            required_issue = validation.Issue(spec.name, "required",
                                              params={"label": spec.alias(lang)})
            layer.setConstraintExpression(idx, _not_blank(spec),
                                          constraint_text(required_issue, lang))
        if spec.name == "nik":
            # NULL NIKs are allowed many times: uniqueness checked by expression on filled NIKs
            layer.setConstraintExpression(
                idx,
                f"({expressions['nik'][0]}) AND (coalesce(\"nik\", '') = '' OR "
                "aggregate(@layer, 'count', \"uid\", filter:=\"nik\" = attribute(@parent, "
                "'nik') AND \"uid\" <> attribute(@parent, 'uid')) = 0)",
                constraint_text(validation.Issue("nik", "nik_format"), lang) + " "
                + constraint_text(validation.Issue("nik", "nik_duplicate"), lang),
            )
        if spec.name in DEFAULTS:
            expression, on_update = DEFAULTS[spec.name]
            layer.setDefaultValueDefinition(idx, QgsDefaultValue(expression, on_update))
        form.setReadOnly(idx, spec.name in READ_ONLY)
    for name in ("uid", "dibuat"):
        idx = fields.indexOf(name)
        if idx >= 0:
            layer.setFieldConstraint(idx, QgsFieldConstraints.Constraint.ConstraintNotNull, HARD)
    _tabs(form, layer, lang)
    layer.setEditFormConfig(form)
    layer.setCustomProperty(LANGUAGE_PROPERTY, lang)


def configure_if_needed(layer: QgsVectorLayer) -> bool:
    """Configure the form when the layer is loaded or recognised; True if it was.

    A project remembers the form of the language it was saved in; opened in the other
    interface language it is configured again, so tabs, labels and choices follow the
    interface (issue 13: Indonesian tabs in the English interface).
    """
    if is_configured(layer):
        return False
    configure_enterprise_layer(layer)
    return True


def _not_blank(spec: schema.Field) -> str:
    q = '"' + spec.name + '"'
    if spec.type == "string":
        return f"length(trim(coalesce({q}, ''))) > 0"
    return f"{q} IS NOT NULL"


def shown_fields(layer: QgsVectorLayer | None = None) -> list[str]:
    """The enterprise fields the form shows (in a tab): every schema field the layer has, or
    every schema field without a layer. The XLSForm asks the same ones (core/xlsform.py)."""
    names = set(layer.fields().names()) if layer is not None else None
    return [f.name for f in schema.ENTERPRISE_FIELDS if names is None or f.name in names]


def _tabs(form: QgsEditFormConfig, layer: QgsVectorLayer, lang: str) -> None:
    """One tab per schema section, fields in schema order (drag-and-drop layout)."""
    form.setLayout(Misc.FORM_DRAG_AND_DROP)
    form.clearTabs()
    root = form.invisibleRootContainer()
    fields = layer.fields()
    shown = set(shown_fields(layer))
    for section, (label_id, label_en) in schema.SECTIONS.items():
        specs = [f for f in schema.ENTERPRISE_FIELDS if f.section == section and f.name in shown]
        if not specs:
            continue
        label = label_en if lang == "en" else label_id
        # "&" would become a keyboard mnemonic in the tab bar ("Pelatihan _bantuan")
        tab = QgsAttributeEditorContainer(label.replace("&", "&&"), root)
        tab.setIsGroupBox(False)
        tab.setColumnCount(1)
        for spec in specs:
            tab.addChildElement(QgsAttributeEditorField(spec.name, fields.indexOf(spec.name), tab))
        form.addTab(tab)


def is_configured(layer: QgsVectorLayer) -> bool:
    """Whether the layer already carries this form (tabs named after the schema sections)."""
    form = layer.editFormConfig()
    if form.layout() != Misc.FORM_DRAG_AND_DROP or len(form.tabs()) < 5:
        return False
    if layer.customProperty(LANGUAGE_PROPERTY) != toolbelt.language():
        return False  # configured in the other language (or before languages were tracked)
    # a project saved before the photo widget is configured again
    for name in PHOTO_FIELDS:
        idx = layer.fields().indexOf(name)
        if idx >= 0 and layer.editorWidgetSetup(idx).type() != "ExternalResource":
            return False
    # a project saved with the old clamping limits (99 workers, this year) is configured again
    for spec in schema.ENTERPRISE_FIELDS:
        idx = layer.fields().indexOf(spec.name)
        if idx < 0 or spec.catalogue or spec.type not in ("int", "int64", "double"):
            continue
        config = layer.editorWidgetSetup(idx).config()
        low, high = validation.input_limits(spec)
        if config.get("Min") != int(low) or config.get("Max") != int(high):
            return False
    return True
