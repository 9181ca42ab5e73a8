"""Write a published web map's files, in the order of the progress bar."""

from __future__ import annotations

import shutil
from pathlib import Path

from qgis.core import QgsFeatureSource, QgsProcessingContext, QgsVectorLayer

from industri_rumahan_plugin import toolbelt
from industri_rumahan_plugin.adapters import web_files
from industri_rumahan_plugin.adapters.feedback import check_cancel
from industri_rumahan_plugin.core import publication, web_data
from industri_rumahan_plugin.report import web_site


def build_site(site: Path, enterprises, source: QgsFeatureSource, expression: str,
               villages: QgsVectorLayer | None, services: QgsVectorLayer | None,
               options: web_site.SiteOptions, context: QgsProcessingContext,
               feedback) -> int:
    """Every file of the site in ``site``; returns the number of catalogue entries.

    ``enterprises`` is the INPUT parameter's value as given (a layer, or a source definition
    with "selected features only"), passed on unchanged to the child algorithms.
    """
    counts = {}
    step = 60.0 / max(1, len(options.levels))
    for index, (key, regions) in enumerate(options.levels.items()):
        feedback.setProgressText(toolbelt.tr("Figures per region: {level}…").format(level=key))
        stats_layer, gap = web_site.figures(enterprises, regions, services, expression,
                                            options.threshold_m, context, feedback)
        check_cancel(feedback)
        level = web_site.level_data(stats_layer, gap, options.threshold_m, context, feedback,
                                    province=index == 0)
        web_files.write_text(site / "data" / f"{key}.js", web_data.js_assign(key, level))
        counts[key] = len(level["features"])
        feedback.setProgress(step * (index + 1))
    for key in web_site.LEVEL_KEYS:
        if key not in counts:  # the page loads every level's file
            web_files.write_text(site / "data" / f"{key}.js", web_data.js_assign(key, None))
    feedback.setProgressText(toolbelt.tr("Catalogue of consented enterprises…"))
    transform = web_files.to_wgs84(source.sourceCrs(), context.transformContext())
    frame = web_files.read_enterprises(source, web_site.READ_FIELDS, expression, transform,
                                       feedback)
    places = {}
    for layer in (*options.levels.values(), villages):
        if layer is not None:
            places.update(web_files.representative_points(
                layer, web_files.to_wgs84(layer.crs(), context.transformContext())))
    allowed = publication.consented(frame)
    if "izin_publikasi" not in frame:
        feedback.pushWarning(toolbelt.tr(
            "The enterprise layer has no field izin_publikasi (consent to publication): the "
            "catalogue is empty. Upgrade the database (upgradedatabase)."))
    photos = web_site.photos(frame, allowed, options.photo_folder, site, feedback)
    records = web_data.catalogue_records(frame, places, photos)
    web_files.write_text(site / "data" / "katalog.js",
                         web_data.js_assign("katalog", web_data.clean(records)))
    feedback.pushInfo(toolbelt.tr("{n} of {total} enterprises are in the catalogue (consent "
                                  "to publication).").format(n=len(records), total=len(frame)))
    feedback.setProgress(85)
    logo = ""
    if options.logo and Path(options.logo).is_file():
        logo = "logo" + Path(options.logo).suffix.lower()
        shutil.copyfile(options.logo, site / logo)
    meta = web_site.site_meta(options, logo, counts)
    web_files.write_text(site / "data" / "site.js", web_data.js_assign("site", meta))
    web_files.copy_template(site)
    return len(records)
