"""docxtpl templates (named styles, fixed artwork) shipped as package data."""
