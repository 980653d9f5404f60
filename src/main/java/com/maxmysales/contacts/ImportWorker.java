package com.maxmysales.contacts;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.maxmysales.platform.PollingWorkers;
import com.maxmysales.shared.WorkspaceId;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs queued imports, one at a time per node, woken when an import is queued. Each batch of rows is committed
 * together with the job's progress, under a lease the node renews; a node that dies stops renewing, and the next
 * to claim the job reads the file again from the start and skips the rows already committed. The file is deleted
 * once the import completes: the contacts hold what it had.
 */
@Component
class ImportWorker extends PollingWorkers {

    private static final Logger log = LoggerFactory.getLogger(ImportWorker.class);
    /** Another node's import, or one whose node died, is found by polling. */
    private static final long IDLE_WAIT_MILLIS = 250;

    private final ImportJobs jobs;
    private final ImportFiles files;
    private final ImportBatch batch;
    private final AttributeDefinitions definitions;
    private final PhoneNumbers phones;
    private final ContactsSettings settings;
    private final Clock clock;
    private final TransactionTemplate transaction;

    ImportWorker(ImportJobs jobs, ImportFiles files, ImportBatch batch, AttributeDefinitions definitions,
            PhoneNumbers phones, ContactsSettings settings, Clock clock, PlatformTransactionManager transactions,
            ImportSignal signal) {
        super("contact-import", 1, IDLE_WAIT_MILLIS, signal);
        this.jobs = jobs;
        this.files = files;
        this.batch = batch;
        this.definitions = definitions;
        this.phones = phones;
        this.settings = settings;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
    }

    @Override
    protected int work() {
        return runOne() ? 1 : 0;
    }

    /** Claims one due import and runs it to its end; false when there was none. */
    private boolean runOne() {
        var now = clock.instant();
        var claimed = transaction.execute(status -> jobs.claim(now, now.plus(settings.importLease())));
        if (claimed == null || claimed.isEmpty()) {
            return false;
        }
        var workspace = claimed.get().workspace();
        var id = claimed.get().id();
        try {
            if (run(workspace, id)) {
                files.delete(id);
                jobs.finish(workspace, id, "completed", null, clock.instant());
            } else if (!isRunning()) {
                jobs.release(workspace, id);
            }
        } catch (RuntimeException | IOException e) {
            if (!isRunning()) {
                // Shutting down: the next start (or another node) continues after the last committed batch.
                jobs.release(workspace, id);
                return true;
            }
            // The reason is the exception's type: its message may quote a row, which is personal data.
            log.warn("Import {} failed: {}", id, e.getClass().getName());
            jobs.finish(workspace, id, "failed", "the import stopped on an error (" + e.getClass().getSimpleName()
                    + "); start it again to continue after the last saved row", clock.instant());
        }
        return true;
    }

    /**
     * @return false when the node is stopping, or the job was taken over by another node (this one was too
     *         slow to renew its lease)
     */
    private boolean run(WorkspaceId workspace, UUID id) throws IOException {
        var job = jobs.find(workspace, id).orElseThrow();
        var chosen = job.settings();
        var positions = ContactImports.positions(job.columns());
        var mapping = chosen.mapping();
        var attributeColumns = new java.util.LinkedHashMap<String, Integer>();
        mapping.attributes().forEach((key, column) -> attributeColumns.put(key, positions.get(column)));
        var context = new ImportBatch.Job(workspace, id, job.fileName(), phones.defaultRegion(workspace),
                new ImportBatch.Columns(position(positions, mapping.phone()), position(positions, mapping.name()),
                        position(positions, mapping.email()), position(positions, mapping.tags()),
                        position(positions, mapping.consentBasis()), attributeColumns),
                Purpose.fromCode(chosen.purpose()), chosen.defaultConsentBasis(), chosen.noticeVersion(),
                chosen.tags(), definitions.all(workspace));
        try (var parser = CsvFiles.parse(files.open(workspace, id))) {
            List<ImportBatch.Row> rows = new ArrayList<>(settings.importBatchRows());
            for (var record : parser) {
                // Spreadsheet numbering: the header is row 1.
                var number = record.getRecordNumber();
                if (number == 1 || number - 1 <= job.processedRows()) {
                    continue;
                }
                rows.add(new ImportBatch.Row(number, record.toList()));
                if (rows.size() == settings.importBatchRows()) {
                    if (!isRunning() || !commit(context, rows)) {
                        return false;
                    }
                    rows = new ArrayList<>(settings.importBatchRows());
                }
            }
            return rows.isEmpty() || commit(context, rows);
        }
    }

    private boolean commit(ImportBatch.Job job, List<ImportBatch.Row> rows) {
        return Boolean.TRUE.equals(transaction.execute(status -> {
            var now = clock.instant();
            var progress = batch.apply(job, rows, now);
            var advanced = jobs.advance(job.workspace(), job.id(),
                    new ImportJobs.Progress(progress.lastRow() - 1, progress.created(), progress.updated(), progress.errors()),
                    now.plus(settings.importLease()));
            if (!advanced) {
                status.setRollbackOnly();
            }
            return advanced;
        }));
    }

    private static int position(java.util.Map<String, Integer> positions, String column) {
        return column == null || column.isBlank() ? -1 : positions.getOrDefault(column, -1);
    }
}
