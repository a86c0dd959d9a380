package de.akte.ingest.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ConfidenceCalibrationTest {

    @Test
    void aScoreIsTurnedIntoTheShareOfRightPredictionsWithSuchAScore() {
        ConfidenceCalibration calibration = new ConfidenceCalibration(2000);
        Random random = new Random(1);
        // a model that is overconfident: a raw 0.9 is right only 60 % of the time, a raw 0.99 nearly always
        for (int i = 0; i < 1000; i++) {
            calibration.add(0.9, random.nextDouble() < 0.6);
            calibration.add(0.99, random.nextDouble() < 0.98);
        }

        assertEquals(0.6, calibration.confidence(0.9), 0.05);
        assertEquals(0.98, calibration.confidence(0.99), 0.02);
    }

    @Test
    void aHigherScoreNeverGetsALowerConfidence() {
        ConfidenceCalibration calibration = new ConfidenceCalibration(500);
        Random random = new Random(2);
        for (int i = 0; i < 500; i++) {
            double score = random.nextDouble();
            calibration.add(score, random.nextDouble() < score * score);
        }

        double previous = -1;
        for (double score = 0; score <= 1.0; score += 0.01) {
            double confidence = calibration.confidence(score);
            assertTrue(confidence >= previous, "at " + score + ": " + confidence + " < " + previous);
            assertTrue(confidence >= 0 && confidence <= 1);
            previous = confidence;
        }
    }

    @Test
    void fewOutcomesNeverMakeASurePrediction() {
        ConfidenceCalibration calibration = new ConfidenceCalibration(2000);
        assertEquals(0, calibration.confidence(0.99), "nothing known yet");
        for (int i = 0; i < 5; i++) {
            calibration.add(0.95, true);
        }

        // five of five right says 5 / 7, not 1: a young model asks before it files
        assertEquals(5 / 7.0, calibration.confidence(0.95), 1e-6);
    }

    @Test
    void onlyTheLastOutcomesCount() {
        ConfidenceCalibration calibration = new ConfidenceCalibration(100);
        for (int i = 0; i < 100; i++) {
            calibration.add(0.9, false);
        }
        for (int i = 0; i < 100; i++) {
            calibration.add(0.9, true);
        }

        assertEquals(100 / 102.0, calibration.confidence(0.9), 1e-6);
    }

    @Test
    void survivesBeingWrittenAndReadBack() throws IOException {
        ConfidenceCalibration calibration = new ConfidenceCalibration(50);
        Random random = new Random(3);
        for (int i = 0; i < 80; i++) {
            double score = random.nextDouble();
            calibration.add(score, random.nextDouble() < score);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        calibration.write(new DataOutputStream(bytes));

        ConfidenceCalibration read = ConfidenceCalibration.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));

        assertEquals(50, read.outcomes());
        for (double score = 0; score <= 1.0; score += 0.05) {
            assertEquals(calibration.confidence(score), read.confidence(score), 1e-9);
        }
    }
}
