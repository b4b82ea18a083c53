"""One self-contained HTML page for a compliance reviewer: summary, filters, each finding in context."""
from __future__ import annotations

import base64
import hashlib
from functools import lru_cache

from lint.models import RunSummary
from lint.report.collect import Collecting
from lint.report.templating import TEMPLATES, render


@lru_cache(maxsize=None)
def _assets() -> tuple[str, str, str]:
    """The page's CSS and script, and the script's CSP hash: only that exact script may run."""
    css = (TEMPLATES / "report.css").read_text(encoding="utf-8")
    script = (TEMPLATES / "report.js").read_text(encoding="utf-8")
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
    return css, script, f"sha256-{digest}"


class HtmlReporter(Collecting):
    name = "html"

    def stop(self, summary: RunSummary) -> None:
        css, script, script_hash = _assets()
        shows_set_aside = any(f.suppressed for _, findings in self.files for f in findings)
        self.stream.write(render("report.html", css=css, script=script, script_hash=script_hash,
                                 shows_set_aside=shows_set_aside, **self.context(summary)))
