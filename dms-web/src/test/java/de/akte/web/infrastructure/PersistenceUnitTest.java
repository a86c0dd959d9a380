package de.akte.web.infrastructure;

import de.akte.core.infrastructure.persistence.jpa.MappedEntities;
import org.junit.jupiter.api.Test;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.InputStream;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

class PersistenceUnitTest {

    @Test
    void listsExactlyTheEntitiesOfTheCore() throws Exception {
        Set<String> listed = new HashSet<>();
        try (InputStream in = getClass().getResourceAsStream("/META-INF/persistence.xml")) {
            assertNotNull(in, "persistence.xml is missing");
            var factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            NodeList classes = factory.newDocumentBuilder().parse(in).getElementsByTagNameNS("*", "class");
            for (int i = 0; i < classes.getLength(); i++) {
                listed.add(classes.item(i).getTextContent().strip());
            }
        }
        Set<String> mapped = MappedEntities.all().stream().map(Class::getName).collect(Collectors.toSet());
        assertEquals(mapped, listed);
    }
}
