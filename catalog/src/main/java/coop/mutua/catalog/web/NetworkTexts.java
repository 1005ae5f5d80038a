package coop.mutua.catalog.web;

import coop.mutua.catalog.api.NetworkListingView;
import coop.mutua.catalog.api.ProfileInWords;
import coop.mutua.catalog.domain.NetworkSearch;
import coop.mutua.catalog.api.ResponsibleProfile;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The directory's reasons and the profile's evidence in the reader's language: the API gives each with its text beside
 * its key, the pages print the text. A family, a label or a date in the arguments is itself put in words.
 */
@Component
class NetworkTexts {

    private final MessageSource messages;

    NetworkTexts(MessageSource messages) {
        this.messages = messages;
    }

    /** A reason a listing was found, with its points and its words. */
    record ReasonJson(String key, int points, List<String> args, String text) {
    }

    /** A listing found: as the public sees it, its score with its reasons, and its responsible profile. */
    record HitJson(NetworkListingView listing, int score, Long distanceKm, List<ReasonJson> reasons, ProfileInWords profile) {
    }

    HitJson hit(NetworkListingView listing, NetworkSearch.Result result, Locale locale) {
        return new HitJson(listing, result.score(), result.distanceKm(),
                result.reasons().stream().map(reason -> reason(reason, locale)).toList(), profile(result.profile(), locale));
    }

    ReasonJson reason(NetworkSearch.Reason reason, Locale locale) {
        return new ReasonJson(reason.key(), reason.points(), reason.args(),
                messages.getMessage(reason.key(), reason.args().toArray(), reason.key(), locale));
    }

    ProfileInWords profile(ResponsibleProfile profile, Locale locale) {
        return new ProfileInWords(dimension(profile.social(), locale), dimension(profile.environmental(), locale),
                dimension(profile.local(), locale), profile.distanceKm(), profile.origin());
    }

    private ProfileInWords.Said dimension(ResponsibleProfile.Dimension dimension, Locale locale) {
        return new ProfileInWords.Said(dimension.met(), dimension.evidence().stream().map(evidence -> evidence(evidence, locale)).toList());
    }

    String evidence(ResponsibleProfile.Evidence evidence, Locale locale) {
        List<String> args = evidence.args();
        Object[] words = switch (evidence.key()) {
            case "profile.social.family" -> new Object[] {word("ess-family." + args.get(0), locale)};
            case "profile.label.declared" -> new Object[] {word("label." + args.get(0), locale)};
            case "profile.label.certified" -> new Object[] {word("label." + args.get(0), locale), args.get(1), date(args.get(2), locale)};
            case "profile.environmental.product-label" -> new Object[] {word("product-label." + args.get(0), locale)};
            default -> args.toArray();
        };
        return messages.getMessage(evidence.key(), words, evidence.key(), locale);
    }

    private String word(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }

    static String date(String iso, Locale locale) {
        if (iso == null || iso.isBlank()) {
            return "";
        }
        return LocalDate.parse(iso).format(DateTimeFormatter.ofPattern("fr".equals(locale.getLanguage()) ? "dd/MM/yyyy" : "yyyy-MM-dd"));
    }
}
