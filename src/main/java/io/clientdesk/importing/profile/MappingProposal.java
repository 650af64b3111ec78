package io.clientdesk.importing.profile;

import java.util.List;
import java.util.Map;

/**
 * How a file's columns could be read: {@code known} when the importer reads its header as
 * it is (no profile needed); otherwise {@code profile}, the saved profile whose headers
 * are the file's, if any, and the proposed {@code columns}, {@code values} (a
 * {@code null} value: no proposal, choose one) and {@code dateFormat}, in the shape of a
 * profile; {@code samples}: up to five distinct values of each column.
 */
public record MappingProposal(boolean known, String profile, Map<String, String> columns,
		Map<String, Map<String, String>> values, String dateFormat, Map<String, List<String>> samples) {

}
