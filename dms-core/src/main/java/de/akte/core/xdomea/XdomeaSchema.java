package de.akte.core.xdomea;

import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URL;

/** The xdomea 3.1.0 schemas (bundled under {@code /xdomea/}); validates messages written and received. */
public final class XdomeaSchema {

    private static final String ENTRY = "/xdomea/3.1.0/xdomea.xsd";

    private final Schema schema;

    /** Loads and compiles the bundled schemas (a few hundred milliseconds: keep one instance). */
    public XdomeaSchema() {
        URL entry = XdomeaSchema.class.getResource(ENTRY);
        if (entry == null) {
            throw new IllegalStateException("the xdomea schemas are missing from the classpath: " + ENTRY);
        }
        try {
            SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            // the bundled schemas include each other by relative path; nothing is fetched from the network
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file,jar,vfs");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            schema = factory.newSchema(entry);
        } catch (SAXException e) {
            throw new IllegalStateException("cannot compile the xdomea schemas", e);
        }
    }

    /** Throws {@link InvalidXdomeaException} naming line, column and problem when the XML is not valid xdomea 3.1.0. */
    public void validate(byte[] xml) {
        try {
            Validator validator = schema.newValidator();
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            validator.validate(new StreamSource(new ByteArrayInputStream(xml)));
        } catch (SAXParseException e) {
            throw new InvalidXdomeaException("line " + e.getLineNumber() + ", column " + e.getColumnNumber() + ": "
                    + e.getMessage(), e);
        } catch (SAXException | IOException e) {
            throw new InvalidXdomeaException(e.getMessage(), e);
        }
    }
}
