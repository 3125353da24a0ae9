"""Learn pages: what sciatica is, how massage may help, safety, getting help, FAQ."""
