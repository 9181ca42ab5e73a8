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
    """``user`` no longer needs the translator; the last user removes it."""
    if user in _users:
        _users.remove(user)
    if not _users and _installed:
        QCoreApplication.removeTranslator(_installed.pop())


def sync_translator(user: object = None) -> bool:
    """Install or remove the translator so that it matches ``language()`` now (the language
    changed while QGIS runs); True when it changed. Qt then sends every widget a
    LanguageChange event, which the dock and its panels answer by saying their texts again.
    ``user`` (the desktop plugin) gives it back through ``remove_translator`` when unloaded."""
    if language() == "id":
        return not _installed and install_translator(user) is not None
    if not _installed:
        return False
    QCoreApplication.removeTranslator(_installed.pop())
    _users.clear()  # nobody holds it any more; a user in Indonesian installs it again
    return True


def set_language(lang: str, user: object = None) -> bool:
    """The plugin's own language switch: "id", "en", or "" (follow QGIS's interface
    language); applied at once, while QGIS runs. True when the translator changed."""
    QgsSettings().setValue(f"{SETTINGS_PREFIX}/language", lang if lang in ("id", "en") else "")
    return sync_translator(user)
