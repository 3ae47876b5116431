package org.incidentatlas.web;

import java.io.IOException;
import java.util.List;

import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.stereotype.Component;
import org.springframework.util.StreamUtils;

/**
 * Writes a {@link StreamedBody} in the request's thread, with the content type its handler set
 * (a converter bean: Spring Boot puts it before the default converters). Never reads.
 */
@Component
public class StreamedBodyConverter implements HttpMessageConverter<StreamedBody> {

    @Override
    public boolean canRead(Class<?> type, MediaType mediaType) {
        return false;
    }

    @Override
    public boolean canWrite(Class<?> type, MediaType mediaType) {
        return StreamedBody.class.isAssignableFrom(type);
    }

    @Override
    public List<MediaType> getSupportedMediaTypes() {
        return List.of(MediaType.ALL);
    }

    @Override
    public StreamedBody read(Class<? extends StreamedBody> type, HttpInputMessage input) {
        throw new UnsupportedOperationException("a StreamedBody is only written");
    }

    @Override
    public void write(StreamedBody body, MediaType contentType, HttpOutputMessage output) throws IOException {
        if (output.getHeaders().getContentType() == null && contentType != null && contentType.isConcrete()) {
            output.getHeaders().setContentType(contentType);
        }
        // as StreamingResponseBody: a writer that closes its stream does not end the response under Spring
        body.writeTo(StreamUtils.nonClosing(output.getBody()));
    }
}
