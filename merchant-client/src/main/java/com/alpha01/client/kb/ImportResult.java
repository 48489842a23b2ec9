package com.alpha01.client.kb;

/**
 * What an import did: the document it created or replaced, its file name, how many entries it
 * holds now, and whether the file was unchanged (same content as already imported: no work done).
 */
public record ImportResult(String documentId, String name, int entries, boolean skippedUnchanged) {
}
