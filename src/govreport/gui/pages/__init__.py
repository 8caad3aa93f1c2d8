"""The wizard's pages; each builds its widgets on first visit and reads the presenter on every visit."""
