package io.govlife.query.channel;

import io.govlife.events.gov.RuleViolation;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndLinkImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;
import io.govlife.query.composition.CompositionRepository;
import io.govlife.query.composition.GovView;
import io.govlife.query.QuerySideProperties;
import io.govlife.query.support.PublicRead;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

import java.util.Date;
import java.util.List;

/** The change channel as a Markdown changelog and an Atom feed: same entries, newest first. */
@PublicRead
@RestController
@RequestMapping("/api/govs/{gov}")
record ChannelController(ChannelRepository channel, CompositionRepository govs, QuerySideProperties settings) {

    static final MediaType MARKDOWN = MediaType.parseMediaType("text/markdown;charset=UTF-8");
    static final MediaType ATOM = MediaType.parseMediaType("application/atom+xml;charset=UTF-8");

    @GetMapping("/changelog")
    ResponseEntity<String> changelog(@PathVariable String gov) {
        GovView view = govs.view(gov).orElseThrow(() -> RuleViolation.govNotFound(gov));
        StringBuilder md = new StringBuilder("# Changelog of gov ").append(gov).append("\n\n");
        if (view.retiredAt() != null) {
            md.append("> This gov is retired.\n\n");
        }
        for (ChannelEntry entry : channel.entries(gov)) {
            md.append("## ").append(entry.occurredAt()).append(" — ").append(entry.title()).append("\n\n")
                    .append(entry.body().strip()).append("\n\n");
        }
        return ResponseEntity.ok().contentType(MARKDOWN).body(md.toString());
    }

    @GetMapping("/feed")
    ResponseEntity<String> feed(@PathVariable String gov) throws FeedException {
        GovView view = govs.view(gov).orElseThrow(() -> RuleViolation.govNotFound(gov));
        // links from the configured public address, never from the request's Host header
        UriComponentsBuilder publicUrl = UriComponentsBuilder.fromUriString(settings.publicUrl());
        String self = publicUrl.cloneBuilder().path("/api/govs/{gov}/feed").build(gov).toString();
        String page = publicUrl.cloneBuilder().path("/govs/{gov}").build(gov).toString();
        List<ChannelEntry> entries = channel.entries(gov);

        SyndFeed feed = new SyndFeedImpl();
        feed.setFeedType("atom_1.0");
        feed.setUri("urn:govlife:gov:" + gov);
        feed.setTitle("Change channel of gov " + gov);
        feed.setAuthor("govlife");
        feed.setLink(page);
        feed.setLinks(List.of(link(self, "self"), link(page, "alternate")));
        feed.setPublishedDate(Date.from(entries.isEmpty() ? view.createdAt() : entries.get(0).occurredAt()));
        feed.setEntries(entries.stream().map(entry -> entry(entry, page)).toList());
        return ResponseEntity.ok().contentType(ATOM).body(new SyndFeedOutput().outputString(feed));
    }

    private static SyndEntry entry(ChannelEntry channelEntry, String page) {
        SyndEntry entry = new SyndEntryImpl();
        entry.setUri("urn:govlife:gov:" + channelEntry.gov() + ":" + channelEntry.sequence());
        // text recorded before the edge refused control characters must not make the feed unwritable
        entry.setTitle(PlainText.xml(channelEntry.title()));
        entry.setLink(page);
        entry.setAuthor("govlife");
        entry.setPublishedDate(Date.from(channelEntry.occurredAt()));
        entry.setUpdatedDate(Date.from(channelEntry.occurredAt()));
        SyndContentImpl content = new SyndContentImpl();
        content.setType("text");
        content.setValue(PlainText.xml(channelEntry.body()));
        entry.setContents(List.of(content));
        return entry;
    }

    private static SyndLinkImpl link(String href, String rel) {
        SyndLinkImpl link = new SyndLinkImpl();
        link.setHref(href);
        link.setRel(rel);
        return link;
    }
}
