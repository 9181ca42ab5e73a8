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


_installed: list[QTranslator] = []  # the one installed translator, shared by its users
_users: list[object] = []


def install_translator(user: object = None) -> QTranslator | None:
    """Load the Indonesian translation when the interface language is Indonesian.

    Installed once for the desktop plugin and the Processing provider alike (``qgis_process``
    and batch runs load only the provider); each caller passes itself as ``user`` and gives
    it back through ``remove_translator``; the last one removes it.
    """
    if language() != "id":
        return None
    if not _installed:
        translator = QTranslator()
        if not translator.load(str(plugin_path("i18n", "industri_rumahan_id.qm"))):
            return None
        QCoreApplication.installTranslator(translator)
        _installed.append(translator)
    _users.append(user)
    return _installed[0]


def remove_translator(translator: QTranslator | None, user: object = None) -> None:
    if translator is None or not _installed or translator is not _installed[0]:
        return
    if user in _users:
        _users.remove(user)
    if not _users:
        QCoreApplication.removeTranslator(_installed.pop())
