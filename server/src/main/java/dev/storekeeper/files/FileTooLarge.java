package dev.storekeeper.files;

/** An upload went over {@code FILES_MAX_SIZE}; nothing of it is kept. */
class FileTooLarge extends RuntimeException {

	FileTooLarge(long maxBytes) {
		super("Files may be at most " + maxBytes + " bytes (FILES_MAX_SIZE)");
	}

}
