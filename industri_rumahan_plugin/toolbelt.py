"""Small helpers shared by the QGIS-facing modules: paths, icons, language, translation."""

from __future__ import annotations

from pathlib import Path

from qgis.core import QgsApplication, QgsSettings
from qgis.PyQt.QtCore import QCoreApplication, QTranslator
from qgis.PyQt.QtGui import QIcon

PLUGIN_DIR = Path(__file__).resolve().parent
SETTINGS_PREFIX = "IndustriRumahan"
TR_CONTEXT = "IndustriRumahan"


def plugin_path(*parts: str) -> Path:
    return PLUGIN_DIR.joinpath(*parts)


def icon_path(name: str = "icon.svg") -> str:
    return str(plugin_path("resources", "icons", name))


def icon(name: str = "icon.svg") -> QIcon:
    return QIcon(icon_path(name))


def tr(message: str, context: str = TR_CONTEXT) -> str:
    """Translate through the plugin's .qm (Indonesian), falling back to the English source."""
    return QCoreApplication.translate(context, message)


def language() -> str:
    """'id' or 'en': the plugin setting if set, else QGIS's interface locale."""
    override = QgsSettings().value(f"{SETTINGS_PREFIX}/language", "", type=str)
    if override in ("id", "en"):
        return override
    locale = QgsApplication.locale() or QgsSettings().value("locale/userLocale", "", type=str)
    return "id" if (locale or "").lower().startswith(("id", "in")) else "en"


def install_translator() -> QTranslator | None:
    """Load the Indonesian translation when the interface language is Indonesian."""
    if language() != "id":
        return None
    translator = QTranslator()
    if not translator.load(str(plugin_path("i18n", "industri_rumahan_id.qm"))):
        return None
    QCoreApplication.installTranslator(translator)
    return translator


def remove_translator(translator: QTranslator | None) -> None:
    if translator is not None:
        QCoreApplication.removeTranslator(translator)
