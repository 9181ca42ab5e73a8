"""Run one algorithm of the plugin under a file-size limit (a full disk); print the outcome.

Used by tests/test_nothing_lost_full_disk.py in a subprocess: the limit (RLIMIT_FSIZE, with
SIGXFSZ ignored so that write() fails with EFBIG) must not reach pytest itself.
"""
import json
import os
import resource
import signal
import sys

from qgis.core import QgsApplication

app = QgsApplication([], False)
app.initQgis()
sys.path.append(os.path.join(QgsApplication.pkgDataPath(), "python", "plugins"))
from processing.core.Processing import Processing  # noqa: E402

Processing.initialize()
from industri_rumahan_plugin.processing.provider import IndustriRumahanProvider  # noqa: E402

PROVIDER = IndustriRumahanProvider()
QgsApplication.processingRegistry().addProvider(PROVIDER)
from qgis import processing  # noqa: E402

alg, params, limit = sys.argv[1], json.loads(sys.argv[2]), int(sys.argv[3])
if limit:
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # write() fails with EFBIG instead
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
try:
    processing.run(f"industrirumahan:{alg}", params)
    print("RESULT: written")
except Exception as error:
    print("RESULT: refused:", str(error).replace("\n", " "))
sys.stdout.flush()
os._exit(0)
