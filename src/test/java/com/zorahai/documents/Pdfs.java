package com.zorahai.documents;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;

/** Reads PDFs back in tests: their text (spaces normalised), pages, images and colours. */
public final class Pdfs {

    private Pdfs() {
    }

    /**
     * The text of every page in reading order (top to bottom, left to right, as a person sees it), with no-break and
     * narrow no-break spaces turned into plain spaces.
     */
    public static String text(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            return stripper.getText(document).replace('\u00a0', ' ').replace('\u202f', ' ');
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** The text of every page on one line: every run of white space (line breaks included) is one space. */
    public static String flat(byte[] pdf) {
        return text(pdf).replaceAll("\\s+", " ");
    }

    public static int pages(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return document.getNumberOfPages();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** How many images page {@code index} (from 0) draws. */
    public static int images(byte[] pdf, int index) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDPage page = document.getPage(index);
            int count = 0;
            for (var name : page.getResources().getXObjectNames()) {
                if (page.getResources().getXObject(name) instanceof PDImageXObject) {
                    count++;
                }
            }
            return count;
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** Whether page {@code index} (from 0), rendered at 72 dpi, has at least {@code minimum} pixels of this colour. */
    public static boolean hasColour(byte[] pdf, int index, int rgb, int minimum) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            BufferedImage image = new PDFRenderer(document).renderImage(index, 1f);
            int found = 0;
            for (int y = 0; y < image.getHeight(); y++) {
                for (int x = 0; x < image.getWidth(); x++) {
                    if ((image.getRGB(x, y) & 0xffffff) == rgb && ++found >= minimum) {
                        return true;
                    }
                }
            }
            return false;
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** The names of the fonts page {@code index} (from 0) uses. */
    public static java.util.List<String> fonts(byte[] pdf, int index) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            var resources = document.getPage(index).getResources();
            java.util.List<String> names = new java.util.ArrayList<>();
            for (var name : resources.getFontNames()) {
                names.add(resources.getFont(name).getName());
            }
            return names;
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
