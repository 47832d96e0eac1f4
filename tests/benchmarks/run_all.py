"""Run every benchmark script in turn (`make benchmark`): imports, pages, exports, the LKjIP document, the report
check, the login gate. Each writes its hasil_*.md."""

import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SKRIP = ["bench_impor.py", "bench_halaman.py", "bench_ekspor.py", "bench_docx.py", "bench_periksa.py", "bench_gerbang.py"]

if __name__ == "__main__":
    gagal = 0
    for s in SKRIP:
        print(f"== {s}", flush=True)
        gagal |= subprocess.run([sys.executable, str(HERE / s)], cwd=HERE.parent.parent).returncode
    if os.environ.get("TEST_DATABASE_URL"):
        print("== bench_impor.py (PostgreSQL)", flush=True)
        gagal |= subprocess.run([sys.executable, str(HERE / "bench_impor.py"), "--url",
                                 os.environ["TEST_DATABASE_URL"]], cwd=HERE.parent.parent).returncode
    sys.exit(gagal)
