package org.incidentatlas.ogcapi;

import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a read of a GET request in a read-only transaction, which a configured streaming replica may serve
 * (storage.DataSourceConfiguration). A client that must see its own write — it just created or replaced an incident,
 * or is about to send If-Match — asks with {@code Cache-Control: no-cache} and is read from the primary.
 */
@Component
class ReplicaReads {

    private final TransactionTemplate readOnly;

    ReplicaReads(PlatformTransactionManager transactions) {
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    <T> T read(HttpServletRequest request, Supplier<T> work) {
        return fromPrimary(request) ? work.get() : readOnly.execute(status -> work.get());
    }

    static boolean fromPrimary(HttpServletRequest request) {
        String cacheControl = request.getHeader(HttpHeaders.CACHE_CONTROL);
        return cacheControl != null && cacheControl.toLowerCase(java.util.Locale.ROOT).contains("no-cache");
    }
}
