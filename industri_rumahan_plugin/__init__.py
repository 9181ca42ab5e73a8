"""Industri Rumahan: map, analyse and report home industries for DP3A offices."""


def classFactory(iface):
    """QGIS entry point; imports lazily so a broken import cannot block QGIS's start-up."""
    from industri_rumahan_plugin.plugin import IndustriRumahanPlugin

    return IndustriRumahanPlugin(iface)
