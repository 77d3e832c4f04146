"""What build.py does: build (parallel, cached, atomic), check, serve (the live preview) and
new (an editor's new Focus or synthesis from a template)."""
