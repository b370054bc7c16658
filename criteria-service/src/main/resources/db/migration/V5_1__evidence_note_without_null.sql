-- Evidence naming an office but no note was logged as '[office] null': the missing note was spliced into the text.
-- Such rows keep the office alone, as the log now writes them (Evidence.noteWithOffice).
update assessment_log
set evidence_note = left(evidence_note, length(evidence_note) - length(' null'))
where evidence_note like '[%] null';
