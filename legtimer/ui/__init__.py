"""The Textual UI: renders session state and routes keys. It never keeps time itself."""
