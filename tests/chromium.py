"""Headless Chromium as the browser tests launch it."""

#: Running as root in a container: no sandbox; and no background traffic to the network.
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
]
