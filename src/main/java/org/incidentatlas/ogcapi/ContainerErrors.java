package org.incidentatlas.ogcapi;

import org.apache.catalina.Context;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Puts {@link JsonErrorReportValve} in place of Tomcat's HTML error report. The host adds its
 * report valve when it starts, just before the application's context, so the context swaps it then.
 */
@Component
class ContainerErrors implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextLifecycleListeners(event -> {
            if (Lifecycle.BEFORE_START_EVENT.equals(event.getType()) && event.getLifecycle() instanceof Context context
                    && context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(JsonErrorReportValve.class.getName());
                Pipeline pipeline = host.getPipeline();
                boolean present = false;
                for (Valve valve : pipeline.getValves()) {
                    if (valve instanceof JsonErrorReportValve) {
                        present = true;
                    } else if (valve instanceof ErrorReportValve) {
                        pipeline.removeValve(valve);
                    }
                }
                if (!present) {
                    pipeline.addValve(new JsonErrorReportValve());
                }
            }
        });
    }
}
