"""Gradio, imported once with the settings that keep it off the internet: no analytics, no hub look-ups.

Every web-app module imports `gr` from here, so the environment is set before Gradio reads it.
"""

from __future__ import annotations

import os

os.environ["GRADIO_ANALYTICS_ENABLED"] = "False"
os.environ["HF_HUB_OFFLINE"] = "1"

import gradio as gr

__all__ = ["gr"]
