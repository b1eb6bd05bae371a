"""The relations brief: data gathered once, laid out by an HTML and a Markdown renderer from templates."""

from __future__ import annotations

from dyad.brief import BriefCommitment, BriefData, BriefQuote, KeyEvent, render_html, render_markdown


def _data(tone: float | None = 1.25) -> BriefData:
    return BriefData(
        title="Relations brief: TUR – MYS",
        events=2,
        period="2026-01-01 to 2026-01-07",
        tone=tone,
        quads={0: 0, 1: 2, 2: 0, 3: 0, 4: 0},
        timeline=[{"period": "2026-01-01", "quad_code": 1, "events": 2}],
        key_events=[
            KeyEvent(
                "2026-01-07",
                "CONSULT",
                "040",
                "Erdogan (TUR)",
                "Anwar Ibrahim (MYS)",
                "met",
                "<b>Erdogan</b> met",
                "d1",
                "r",
            )
        ],
        quotes=[BriefQuote("Anwar Ibrahim", "MYS", "a <script>x</script> partner", "d1")],
        commitments=[BriefCommitment("2026-01-07", "TUR → MYS", "trade | defence", "open")],
    )


def test_html_escapes_every_value_and_has_no_script():
    page = render_html(_data())
    assert page.startswith("<!doctype html>") and page.endswith("</html>")
    assert "<script" not in page and "&lt;script&gt;" in page and "&lt;b&gt;Erdogan&lt;/b&gt; met" in page
    assert "Mean tone +1.2" in page and "<svg" in page and "<td class='open'>open</td>" in page


def test_markdown_keeps_table_cells_whole_and_says_no_tone_when_there_is_none():
    text = render_markdown(_data(tone=None))
    assert text.startswith("# Relations brief: TUR – MYS\n\n2 events, 2026-01-01 to 2026-01-07.\n")
    assert "Mean tone" not in text
    assert "| 2026-01-07 | TUR → MYS | trade / defence | open |\n" in text and text.endswith("| open |\n")
    assert "- **Anwar Ibrahim (MYS)**: “a <script>x</script> partner” [d1]" in text
