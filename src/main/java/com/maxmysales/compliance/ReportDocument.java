package com.maxmysales.compliance;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import org.springframework.stereotype.Component;

/**
 * The compliance report as a document: XHTML from the same sections the page shows ({@code compliance/document.jte}),
 * and that XHTML typeset as a PDF with numbered pages ("Page x of y") and a table of contents with page numbers.
 */
@Component
class ReportDocument {

    private final TemplateEngine templates;

    ReportDocument(TemplateEngine templates) {
        this.templates = templates;
    }

    String html(ComplianceReport report) {
        var output = new StringOutput();
        templates.render("compliance/document.jte", Map.of("report", report, "now", report.generatedAt()), output);
        return output.toString();
    }

    /** The family name the document's CSS uses for the bundled font. */
    static final String DEVANAGARI = "Noto Sans Devanagari";

    private static InputStream font(String file) {
        var stream = ReportDocument.class.getResourceAsStream("/fonts/" + file);
        if (stream == null) {
            throw new IllegalStateException("The bundled font " + file + " is missing from the jar");
        }
        return stream;
    }

    byte[] pdf(ComplianceReport report) {
        var pdf = new ByteArrayOutputStream();
        try {
            var builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.withHtmlContent(html(report), null);
            builder.withProducer("MaxMySales");
            // The built-in PDF fonts have no Devanagari: a Hindi name printed as '#'. Noto Sans Devanagari (OFL,
            // bundled) takes every character Helvetica lacks; the document's font lists name it after Helvetica.
            builder.useFont(() -> font("NotoSansDevanagari-Regular.ttf"), DEVANAGARI, 400,
                    BaseRendererBuilder.FontStyle.NORMAL, true);
            builder.useFont(() -> font("NotoSansDevanagari-Bold.ttf"), DEVANAGARI, 700,
                    BaseRendererBuilder.FontStyle.NORMAL, true);
            builder.toStream(pdf);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pdf.toByteArray();
    }
}
