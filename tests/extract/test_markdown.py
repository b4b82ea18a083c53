"""Verify the Markdown extractor: source positions through markup, front matter, links, footnotes, MDX."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lint.extract import extract, markdown, mdinline
from lint.extract.sourcemap import SourceMap
from lint.models import SourceFile


def doc_for(text: str, kind: str = "markdown"):
    return extract(SourceFile(f"p.{kind}", f"p.{kind}", kind), text)


@pytest.mark.parametrize(
    ("src", "expect"),
    [
        ("Our **ketamine** _cures_ fibromyalgia.\n", [(1, 19, "HL101")]),
        ("Intro.\n\n> - Our infusions cure\n>   fibromyalgia.\n", [(3, 19, "HL101")]),
        ("| a | b |\n|---|---|\n| x | it cures pain |\n", [(3, 10, "HL101")]),
        ("It&rsquo;s non\\-addictive &amp; more.\n", [(1, 12, "HL112")]),
        ("See [a miracle cure](https://example.org/miracle-cure \"miracle cure\").\n", [(1, 8, "HL151")]),
        ("![Guaranteed relief](x.png)\n", [(1, 3, "HL121")]),
        ("---\ntitle: Ketamine cures pain\ntags: [cures pain]\n---\n# Hi\n", [(2, 17, "HL101")]),
        ("+++\ndescription = \"A miracle treatment\"\n+++\n", [(2, 18, "HL151")]),
        ("Text `cures pain` and <!-- cures pain --> and [x](/cures-pain).\n", []),
        ("{{< note >}}cures pain{{< /note >}}\n", [(1, 13, "HL101")]),
    ],
)
def test_positions(assert_findings, src, expect):
    assert_findings(src, kind="markdown", expect=expect)


def test_crlf_and_wrapped_claim(assert_findings):
    found = assert_findings("Para.\r\n\r\nOur infusions cure\r\n*fibromyalgia*.\r\n", kind="markdown", expect=[(3, 15, "HL101")])
    assert (found[0].end_line, found[0].end_column) == (4, 14)


def test_links_and_autolinks():
    doc = doc_for('See [Smith *2020*](https://doi.org/10.1/x "t") and <https://pubmed.ncbi.nlm.nih.gov/2/>.\n\n'
                  '[ref]: /r\n\nA [ref] link.\n')
    assert [(doc.prose[link.start:link.end], link.href) for link in doc.links] == [
        ("Smith 2020", "https://doi.org/10.1/x"), ("", "https://pubmed.ncbi.nlm.nih.gov/2/"), ("ref", "/r")]


def test_link_with_a_template_url_keeps_it_as_written():
    doc = doc_for("Read [this]({{ site.url }}/p).\n")
    assert [(doc.prose[link.start:link.end], link.href) for link in doc.links] == [("this", "{{ site.url }}/p")]


def test_footnote_definition_is_its_own_block_starting_with_its_marker():
    doc = doc_for("Pain fell.[^smith]\n\n[^smith]: Smith 2020.\n")
    assert [doc.prose[b.start:b.end] for b in doc.blocks] == ["Pain fell.[^smith]", "[^smith]: Smith 2020."]


def test_mdx_skips_esm_and_expressions():
    doc = doc_for("import X from 'x'\n\n# Cures pain {props.n}\n\n<X claim={'cures pain'} />\n", "mdx")
    assert [" ".join(doc.prose[b.start:b.end].split()) for b in doc.blocks] == ["Cures pain"]


def test_unreadable_front_matter_is_not_prose():
    doc = doc_for("---\ntitle: [unclosed\n---\nBody.\n")
    assert doc.prose.strip() == "Body."


def test_html_state_carries_across_blocks():
    doc = doc_for("<template>\n\nCures pain.\n\n</template>\n\nShown.\n")
    assert doc.prose.strip() == "Shown."


@pytest.mark.parametrize(("name", "out"), [("page.md", "page.md:3:6: HL101"), ("page.txt", "")])
def test_stdin_is_read_as_the_kind_its_name_says(cli, name, out):
    result = cli("-", "--stdin-filename", name, input="# Title\n\nIt **cures** pain.\n")
    assert result.stdout[:len("page.md:3:6: HL101")] == out  # in text, `**` is text and splits the claim


def test_inline_markup_is_any_character_of_its_list():
    """Verify the written-out test for inline markup holds exactly INLINE_MARKUP's characters."""
    assert all(mdinline.has_inline_markup(f"a{char}b") for char in mdinline.INLINE_MARKUP)
    others = "".join(chr(c) for c in range(0x250) if chr(c) not in mdinline.INLINE_MARKUP)
    assert not mdinline.has_inline_markup(others)


@given(text=st.lists(st.sampled_from(["Our", " clinic", " ", "  ", "\t", "\n", " \n", "  \n", "\n\t ", "-", ": ",
                                      "\ue000", "# ", "    ", "* "])).map("".join))
@settings(max_examples=300, deadline=None)
def test_plain_inline_content_is_written_as_markdown_it_tokens(text):
    """Content without inline markup skips markdown-it's inline parser: same document as with it."""
    shortcut = doc_for(text)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(mdinline, "has_inline_markup", lambda content: True)  # everything through the parser
        parsed = doc_for(text)
    assert (shortcut.prose, shortcut.blocks, shortcut.sentences) == (parsed.prose, parsed.blocks, parsed.sentences)
    offsets = range(len(parsed.prose) + 1)
    assert [shortcut.sourcemap.source_span(i, i + 1) for i in offsets] == [
        parsed.sourcemap.source_span(i, i + 1) for i in offsets]


def _tokens(md, text: str) -> list:
    return md.parse(text, {})


@pytest.mark.parametrize("rule", sorted(markdown.MARKERS))
def test_a_page_with_a_rules_marker_is_parsed_with_that_rule(rule):
    """Verify that each rule's marker keeps the rule (and the tokens) for the page that holds it."""
    for marker in markdown.MARKERS[rule]:
        text = {"|": "| a | b |\n|---|---|\n| c | d |\n", "```": "```\ncode\n```\n", "~~~": "~~~\ncode\n~~~\n",
                ">": "> quoted\n", "<": "<div>\nhtml\n</div>\n", "#": "# Title\n", "[": "[a]: /url\n\n[a]\n",
                "[^": "Text.[^1]\n\n[^1]: A note.\n", "\r": "One\r\ntwo\rthree\n", "\0": "A\0b\n"}[marker]
        md = markdown.parser_for(text)
        assert rule in md.block.ruler.get_active_rules() + md.core.ruler.get_active_rules()
        assert _tokens(md, text) == _tokens(markdown.parser(), text)


@pytest.mark.parametrize("text", ["Intro\n\n- - -\n", "Intro\n\n***\t\n", "Intro\n\n___", "Title\n===\n", "Title\n-  \t\n",
                                  "> Title\n> ---\n", "- item\n\n  Title\n  ==\n", "Title\r---\r"])
def test_a_line_ending_in_a_mark_keeps_hr_and_lheading(text):
    """Verify that thematic breaks and setext underlines keep their rules (and the tokens)."""
    md = markdown.parser_for(text)
    assert {"hr", "lheading"} & set(md.block.ruler.get_active_rules())
    assert _tokens(md, text) == _tokens(markdown.parser(), text)


def test_parsers_are_built_once_per_set_of_unused_rules():
    assert markdown.parser_for("plain text") is markdown.parser_for("other text")
    assert markdown.parser_for("plain text") is not markdown.parser_for("| a |")
    assert "table" not in markdown.parser_for("plain text").block.ruler.get_active_rules()


_MD_PIECES = ["Text", " word", "\n", "\n\n", " ", "   ", "    ", "\t", "> ", ">", "# ", "#", "## ", "- ", "* ", "+ ", "1. ",
              "2) ", "---", "***", "___", "===", "-", "=", "|", "| a |", "|---|", ":-:", "```", "~~~", "``", "[", "]", "[a]",
              "[a]: /u", "[^1]", "[^1]: ", "(", ")", "<div>", "</div>", "<!-- c -->", "<", ">", "&amp;", "\\", "`", "\x00",
              "\u00a0", "\r", "\r\n", "-\n", "- \t\n", "=\n", "*", "_", "  ", "\t", "1) "]


@settings(max_examples=400, deadline=None, derandomize=True, database=None)
@given(text=st.lists(st.sampled_from(_MD_PIECES), max_size=60).map("".join))
def test_unused_rules_left_out_give_the_same_tokens(text):
    """Verify on generated Markdown that the parser without the unused rules gives the full parser's tokens."""
    assert _tokens(markdown.parser_for(text), text) == _tokens(markdown.parser(), text)


@pytest.mark.parametrize("kind", ["markdown", "mdx"])
@pytest.mark.parametrize("text", [
    "---\ntitle: A\ntags: [x]\n---\n# Hi\n\nText {{ site.x }}\nmore {% if a %}\nb{% endif %}\n",
    "import X from 'y'\nexport const a = {\n  b: 1,\n}\n\nText {x}\n",
    "+++\ntitle = \"A\"\n+++\nOne\r\ntwo\rthree\n", "No break at the end", "",
])
def test_line_positions_are_the_sources(text, kind):
    """Verify line:col as the source's own lines give them (the extractor passes on the masked
    text's line starts when they are the same)."""
    doc = doc_for(text, kind)
    fresh = SourceMap([], text)
    offsets = range(len(text) + 1)
    assert [doc.sourcemap.line_col(i) for i in offsets] == [fresh.line_col(i) for i in offsets]


@settings(max_examples=200, deadline=None, derandomize=True, database=None)
@given(text=st.lists(st.sampled_from(["a", " ", "\n", "\r", "\r\n", "---\n", "+++\n", "title: x\n", "{{ x }}", "{% y %}",
                                      "{", "}", "import a\n", "<!-- c -->", "# ", "`"]), max_size=30).map("".join),
       kind=st.sampled_from(["markdown", "mdx"]))
def test_line_positions_are_the_sources_on_generated_pages(text, kind):
    test_line_positions_are_the_sources(text, kind)
