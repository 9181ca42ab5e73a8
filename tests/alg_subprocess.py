"""Run one algorithm of the plugin in a process of its own; print the outcome.

Used by tests that need what one pytest process cannot give: a file-size limit (a full disk:
RLIMIT_FSIZE, with SIGXFSZ ignored so that write() fails with EFBIG) and two runs at the
same moment (each waits for a start file after saying it is ready).
Usage: alg_subprocess.py ALG PARAMS_JSON [LIMIT_BYTES [READY_FILE START_FILE]]
"""
import json
import os
import resource
import signal
import sys
import time

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

alg, params = sys.argv[1], json.loads(sys.argv[2])
limit = int(sys.argv[3]) if len(sys.argv) > 3 else 0
if len(sys.argv) > 5:
    ready, start = sys.argv[4], sys.argv[5]
    open(ready, "w").close()
    while not os.path.exists(start):
        time.sleep(0.01)
if limit:
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # write() fails with EFBIG instead
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
try:
    out = processing.run(f"industrirumahan:{alg}", params)
    print("RESULT: written")
    print("OUTPUTS:", json.dumps({k: v for k, v in out.items()
                                  if isinstance(v, (int, float, str, type(None)))}))
except Exception as error:
    print("RESULT: refused:", str(error).replace("\n", " "))
sys.stdout.flush()
os._exit(0)
