void postroomdCorePlaceholder() {}
