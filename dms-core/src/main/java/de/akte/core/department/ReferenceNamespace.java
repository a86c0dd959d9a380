package de.akte.core.department;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Collectors;

/**
 * The file references a department may give its case files: those beginning with one of its prefixes. Namespaces
 * of different departments never overlap, so a reference outside one's own namespace says nothing about whether
 * another department uses it.
 */
public record ReferenceNamespace(List<ReferencePrefix> prefixes) {

    /** Enough for a department that merged a few others; more would be a sign of a missing file plan. */
    public static final int MAX_PREFIXES = 20;

    public ReferenceNamespace {
        if (prefixes == null || prefixes.isEmpty()) {
            throw new IllegalArgumentException("a department needs at least one reference prefix");
        }
        List<ReferencePrefix> distinct = new ArrayList<>();
        for (ReferencePrefix p : prefixes) {
            if (distinct.stream().noneMatch(d -> d.value().equalsIgnoreCase(p.value()))) {
                distinct.add(p);
            }
        }
        if (distinct.size() > MAX_PREFIXES) {
            throw new IllegalArgumentException("a department has at most " + MAX_PREFIXES + " reference prefixes");
        }
        distinct.sort(Comparator.comparing(ReferencePrefix::value));
        prefixes = List.copyOf(distinct);
    }

    /** Parses prefixes as an administrator wrote them; IllegalArgumentException names the first bad one. */
    public static ReferenceNamespace of(Collection<String> values) {
        if (values == null) {
            throw new IllegalArgumentException("a department needs at least one reference prefix");
        }
        return new ReferenceNamespace(values.stream().map(ReferencePrefix::new).toList());
    }

    /** The namespace a new department gets: its code followed by a dash. */
    public static ReferenceNamespace defaultFor(String departmentCode) {
        return new ReferenceNamespace(List.of(ReferencePrefix.defaultFor(departmentCode)));
    }

    public boolean contains(String reference) {
        return claim(reference).isPresent();
    }

    /**
     * How strongly this namespace claims the reference: the length of its longest prefix the reference begins
     * with, or empty. Where namespaces from before numbering existed overlap, the longer claim wins.
     */
    public OptionalInt claim(String reference) {
        return prefixes.stream().filter(p -> p.begins(reference)).mapToInt(p -> p.value().length()).max();
    }

    /** The first pair of prefixes (this one's, the other's) that overlap, if any. */
    public Optional<Overlap> overlapWith(ReferenceNamespace other) {
        for (ReferencePrefix mine : prefixes) {
            for (ReferencePrefix theirs : other.prefixes) {
                if (mine.overlaps(theirs)) {
                    return Optional.of(new Overlap(mine, theirs));
                }
            }
        }
        return Optional.empty();
    }

    /** Prefixes this namespace has and the other has not (compared without regard to case). */
    public List<ReferencePrefix> without(ReferenceNamespace other) {
        return prefixes.stream()
                .filter(p -> other.prefixes.stream().noneMatch(o -> o.value().equalsIgnoreCase(p.value())))
                .toList();
    }

    public List<String> values() {
        return prefixes.stream().map(ReferencePrefix::value).toList();
    }

    /** For messages: {@code 63-} or {@code 63-, 63. or 63/}. */
    public String describe() {
        List<String> v = values();
        if (v.size() == 1) {
            return v.get(0);
        }
        return v.subList(0, v.size() - 1).stream().collect(Collectors.joining(", ")) + " or " + v.get(v.size() - 1);
    }

    @Override
    public String toString() {
        return values().toString();
    }

    /** Two prefixes one of which begins with the other. */
    public record Overlap(ReferencePrefix mine, ReferencePrefix theirs) {
    }
}
