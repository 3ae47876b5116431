package org.incidentatlas.cql;

import java.text.Normalizer;

/**
 * Accent folding for ACCENTI: the same character table is used in SQL (TRANSLATE, which both
 * backends have) on columns and in Java on literals, so both sides fold alike.
 */
final class Accents {

    static final String FROM;
    static final String TO;

    static {
        String accented = "ÀÁÂÃÄÅàáâãäåÇçĆćČčÈÉÊËèéêëĚěÌÍÎÏìíîïİıÑñŃńŇňÒÓÔÕÖòóôõöŐőØøŘřŚśŠšŞşŤťÙÚÛÜùúûüŰűŮůÝýÿŹźŻżŽžĞğƏəŁł";
        StringBuilder to = new StringBuilder();
        for (char c : accented.toCharArray()) {
            to.append(fold(c));
        }
        FROM = accented;
        TO = to.toString();
    }

    private Accents() {
    }

    private static char fold(char c) {
        switch (c) {
            case 'ı': return 'i';
            case 'Ə': return 'E';
            case 'ə': return 'e';
            case 'Ø': return 'O';
            case 'ø': return 'o';
            case 'Ł': return 'L';
            case 'ł': return 'l';
            default:
                String base = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
                return base.isEmpty() ? c : base.charAt(0);
        }
    }

    static String strip(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            int i = FROM.indexOf(c);
            out.append(i < 0 ? c : TO.charAt(i));
        }
        return out.toString();
    }

    static Sql strip(Sql column) {
        return Sql.of("TRANSLATE(", column, ", '" + FROM + "', '" + TO + "')");
    }
}
