package org.unionreports.portal.identity;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.nulabinc.zxcvbn.matchers.Dictionary;

import org.springframework.core.io.ClassPathResource;

import org.unionreports.portal.region.PlaceNames;

/**
 * The words Chinese users build passwords on, which zxcvbn's English dictionaries do not hold: the common
 * passwords of Chinese sites, names in pinyin (surnames, given names and the full names they make), place
 * names and the portal's own words. zxcvbn ranks a word by its place in its list, so each list starts with
 * its commonest words; it finds them capitalised, in l33t, reversed and with years or symbols added.
 */
final class ChinesePasswordWords {

	private ChinesePasswordWords() {
	}

	static List<Dictionary> dictionaries() {
		List<String> surnames = read("passwords/surnames-zh.txt");
		List<String> givenNames = read("passwords/given-names-zh.txt");
		return List.of(new Dictionary("passwords_zh", read("passwords/common-zh.txt")),
				new Dictionary("surnames_zh", surnames), new Dictionary("given_names_zh", givenNames),
				new Dictionary("full_names_zh", fullNames(surnames, givenNames)),
				new Dictionary("places_zh", PlaceNames.inLatinLetters()),
				new Dictionary("portal", read("passwords/portal-words.txt")));
	}

	/**
	 * Every surname with every given name, and the given name first as in English; the likeliest first, taking
	 * a name's likelihood as that of its surname times that of its given name (rank times rank).
	 */
	static List<String> fullNames(List<String> surnames, List<String> givenNames) {
		record Ranked(String name, long weight) {
		}
		List<Ranked> names = new ArrayList<>(surnames.size() * givenNames.size() * 2);
		for (int s = 0; s < surnames.size(); s++) {
			for (int g = 0; g < givenNames.size(); g++) {
				long weight = (long) (s + 1) * (g + 1);
				names.add(new Ranked(surnames.get(s) + givenNames.get(g), weight));
				names.add(new Ranked(givenNames.get(g) + surnames.get(s), weight * 4));
			}
		}
		names.sort(Comparator.comparingLong(Ranked::weight));
		Set<String> unique = new LinkedHashSet<>();
		names.forEach(name -> unique.add(name.name()));
		return List.copyOf(unique);
	}

	private static List<String> read(String resource) {
		Set<String> words = new LinkedHashSet<>();
		try (BufferedReader in = new BufferedReader(
				new InputStreamReader(new ClassPathResource(resource).getInputStream(), StandardCharsets.UTF_8))) {
			for (String line = in.readLine(); line != null; line = in.readLine()) {
				String word = line.strip().toLowerCase(Locale.ROOT);
				if (!word.isEmpty() && !word.startsWith("#")) {
					words.add(word);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read " + resource, ex);
		}
		return List.copyOf(words);
	}

}
