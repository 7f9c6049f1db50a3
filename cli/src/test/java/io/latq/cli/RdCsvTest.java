package io.latq.cli;

import io.latq.lattice.LatticeSpecs;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** rd --csv writes well-formed CSV even when a lattice spec contains commas and quotes. */
class RdCsvTest {

    @TempDir
    Path dir;

    @Test
    void everyRowHasTheHeadersFieldCount() throws Exception {
        // polar:n=64,list=2 keeps its comma; the second spec (resolved to Z1 here) also has a quote
        String quoted = "my\"lat:a=1,b=2";
        Path csv = dir.resolve("rd.csv");
        RdCommand rd = new RdCommand(s -> s.startsWith("polar:") ? LatticeSpecs.parse(s) : LatticeSpecs.parse("Z1"));
        CommandLine cl = new CommandLine(rd);
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(new StringWriter(), true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute("--lattice", "polar:n=64,list=2," + quoted, "--mse", "0.01", "--points", "1",
                "--samples", "4096", "--csv", csv.toString(), "--no-progress");
        assertEquals(0, code, err.toString());

        String text = Files.readString(csv);
        List<CSVRecord> records;
        try (CSVParser parser = CSVParser.parse(text, CsvTable.FORMAT)) {
            records = parser.getRecords();
        }
        assertEquals(3, records.size(), text);
        assertEquals(RdCommand.CSV_HEADER, records.get(0).toList());
        for (CSVRecord r : records) {
            assertEquals(RdCommand.CSV_HEADER.size(), r.size(), text);
        }
        assertEquals("polar:n=64,list=2", records.get(1).get(0));
        assertEquals(quoted, records.get(2).get(0));
        assertTrue(text.contains("\"my\"\"lat:a=1,b=2\""), text);
        for (CSVRecord r : records.subList(1, records.size())) {
            assertTrue(Double.parseDouble(r.get(3)) > 0, text); // mse
        }
    }

    @Test
    void tableQuotesOnlyWhatNeedsIt() {
        String t = CsvTable.of(List.of("a", "b"), List.of(List.of("x,y", 1.5), List.of("plain", "q\"q")));
        assertEquals("a,b\n\"x,y\",1.5\nplain,\"q\"\"q\"\n", t);
    }
}
