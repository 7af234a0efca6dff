"""The closed list of reasons a span of raw text is removed (docs/cleaning.md explains each)."""

from __future__ import annotations

CAPTION = "caption"
IMAGE_ALT = "image_alt"
TEASER_HEADLINE = "teaser_headline"
PROMO = "promo"
CATEGORY = "category"
AUTHOR_BIO = "author_bio"
RELATED_BLOCK = "related_block"
COOKIE_NOTICE = "cookie_notice"
READ_MORE = "read_more"
SHARE_COUNTER = "share_counter"
METADATA = "metadata"
COPYRIGHT = "copyright"
ADVERTISEMENT = "advertisement"
NAVIGATION = "navigation"
OUTLET_NOTICE = "outlet_notice"
OUTLET_REPEAT = "outlet_repeat"
REPEATED_SENTENCE = "repeated_sentence"
INLINE_PROMO = "inline_promo"

REASONS: dict[str, str] = {
    CAPTION: "photo caption or photo credit line (agency, photographer, 'Photo: ...')",
    IMAGE_ALT: "image alt or caption-title line: a short title-like line next to a caption, or 'Image: ...'",
    TEASER_HEADLINE: "ALL-CAPS headline of another story placed inside the article",
    PROMO: "app, newsletter, subscription or social-media promotion",
    CATEGORY: "'Categories:', 'Tags:', 'Filed under:' lines",
    AUTHOR_BIO: "author box: 'About NAME', the bio, a lone author handle",
    RELATED_BLOCK: "'Recent Posts', 'Related', 'Most read' blocks with their teaser titles, teasers and dates",
    COOKIE_NOTICE: "cookie banner text and its buttons",
    READ_MORE: "'Read More', 'Continue reading' links",
    SHARE_COUNTER: "share buttons and counters ('Share 0 Tweet 0', 'Share on Facebook')",
    METADATA: "byline, date, 'Last updated', reading-time lines (captured into source before removal)",
    COPYRIGHT: "copyright and 'All rights reserved' lines",
    ADVERTISEMENT: "'ADVERTISEMENT', 'Sponsored content' markers",
    NAVIGATION: "breadcrumbs and section labels",
    OUTLET_NOTICE: "the outlet describing itself or a syndication notice ('Distributed by ...')",
    OUTLET_REPEAT: "a line that recurs across many documents of the same outlet",
    REPEATED_SENTENCE: "second and later copies of a sentence already in the document",
    INLINE_PROMO: "a promotional sentence appended to the end of an article paragraph",
}
