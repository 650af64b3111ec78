package io.clientdesk.importing.file;

import java.nio.charset.Charset;
import java.util.List;

/**
 * An import file that passed the whole-file checks, without its rows (those went, one by
 * one, to whoever read the file): the character set it was read in, its delimiter, its
 * columns in file order and how many records it has (blank lines left out).
 */
public record FileOutline(Charset charset, char delimiter, List<ClientColumn> columns, int records) {

	public FileOutline {
		columns = List.copyOf(columns);
	}

}
