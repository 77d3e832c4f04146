"""Reading the editors' Markdown: what a text links to and holds (markup), the HTML it renders
to with the sites' extensions (html, extensions), and the few Jinja variables a page body may
use (body)."""
