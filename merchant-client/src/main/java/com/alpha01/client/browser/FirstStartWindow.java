package com.alpha01.client.browser;

import java.awt.BorderLayout;
import java.awt.Dimension;
import java.awt.EventQueue;
import java.awt.FlowLayout;
import java.lang.reflect.InvocationTargetException;
import java.util.Map;
import java.util.concurrent.SynchronousQueue;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JProgressBar;
import javax.swing.WindowConstants;

/**
 * The small window of the first start (D61) while the embedded browser is fetched: what happens, how far, and on
 * a failure what went wrong with 重试 / 退出. Words in the app's language (Chinese unless English was chosen).
 */
public final class FirstStartWindow implements BrowserSetup.Presenter, AutoCloseable {

    private static final Map<String, Map<String, String>> WORDS = Map.of(
            "zh-CN", Map.ofEntries(Map.entry("title", "阿尔法01 · 首次启动"),
                    Map.entry("LOCATING", "正在检查浏览器组件…"), Map.entry("DOWNLOADING", "正在下载浏览器组件（约 100 MB）…"),
                    Map.entry("EXTRACTING", "正在解压浏览器组件…"), Map.entry("INSTALL", "正在安装浏览器组件…"),
                    Map.entry("OFFLINE", "无法连接到下载地址：请检查网络后重试。"),
                    Map.entry("DOWNLOAD", "下载的浏览器组件不完整或已损坏，已删除，可以重试。"),
                    Map.entry("DISK", "无法写入本机磁盘（空间不足或没有权限）。"),
                    Map.entry("UNSUPPORTED", "此系统没有可用的浏览器组件。"),
                    Map.entry("retry", "重试"), Map.entry("quit", "退出")),
            "en", Map.ofEntries(Map.entry("title", "Alpha 01 · First start"),
                    Map.entry("LOCATING", "Checking the browser component…"),
                    Map.entry("DOWNLOADING", "Downloading the browser component (about 100 MB)…"),
                    Map.entry("EXTRACTING", "Unpacking the browser component…"),
                    Map.entry("INSTALL", "Installing the browser component…"),
                    Map.entry("OFFLINE", "The download address cannot be reached: check the network and try again."),
                    Map.entry("DOWNLOAD", "The browser component came incomplete or damaged; it was removed, try again."),
                    Map.entry("DISK", "This PC's disk cannot be written (full, or no permission)."),
                    Map.entry("UNSUPPORTED", "There is no browser component for this system."),
                    Map.entry("retry", "Try again"), Map.entry("quit", "Quit")));

    private final Map<String, String> words;
    private final SynchronousQueue<Boolean> answer = new SynchronousQueue<>();
    private JFrame frame;
    private JLabel status;
    private JLabel detail;
    private JProgressBar bar;
    private JPanel buttons;

    private FirstStartWindow(String language) {
        this.words = WORDS.getOrDefault(language, WORDS.get("zh-CN"));
    }

    /** Opens the window (on the event thread) and returns it. */
    public static FirstStartWindow open(String language) {
        FirstStartWindow w = new FirstStartWindow(language);
        onEventThread(w::build);
        return w;
    }

    private void build() {
        frame = new JFrame(words.get("title"));
        frame.setDefaultCloseOperation(WindowConstants.DO_NOTHING_ON_CLOSE);
        status = new JLabel(words.get("LOCATING"));
        detail = new JLabel(" ");
        bar = new JProgressBar(0, 100);
        bar.setIndeterminate(true);
        bar.setPreferredSize(new Dimension(380, 18));
        JButton retry = new JButton(words.get("retry"));
        JButton quit = new JButton(words.get("quit"));
        retry.addActionListener(e -> answer(true));
        quit.addActionListener(e -> answer(false));
        buttons = new JPanel(new FlowLayout(FlowLayout.RIGHT));
        buttons.add(quit);
        buttons.add(retry);
        buttons.setVisible(false);
        JPanel body = new JPanel(new BorderLayout(8, 8));
        body.setBorder(BorderFactory.createEmptyBorder(16, 18, 12, 18));
        JPanel text = new JPanel(new BorderLayout(4, 4));
        text.add(status, BorderLayout.NORTH);
        text.add(bar, BorderLayout.CENTER);
        text.add(detail, BorderLayout.SOUTH);
        body.add(text, BorderLayout.CENTER);
        body.add(buttons, BorderLayout.SOUTH);
        frame.setContentPane(body);
        frame.pack();
        frame.setLocationRelativeTo(null);
        frame.setVisible(true);
    }

    /** What the window shows now: its words, the bar's value, and whether 重试 / 退出 are offered (tests). */
    String shown() {
        String[] out = new String[1];
        onEventThread(() -> out[0] = status.getText() + " | " + (bar.isIndeterminate() ? "…" : bar.getValue())
                + " | " + (buttons.isVisible() ? "buttons" : "no buttons"));
        return out[0];
    }

    /** Presses 重试 ({@code true}) or 退出, as staff would (tests). */
    void press(boolean again) {
        onEventThread(() -> ((JButton) buttons.getComponent(again ? 1 : 0)).doClick());
    }

    private void answer(boolean again) {
        buttons.setVisible(false);
        answer.offer(again);
    }

    @Override
    public void progress(String stage, float percent) {
        EventQueue.invokeLater(() -> {
            status.setText(words.getOrDefault(stage, words.get("INSTALL")));
            bar.setIndeterminate(percent < 0);
            if (percent >= 0) {
                bar.setValue(Math.round(percent));
            }
            detail.setText(" ");
        });
    }

    @Override
    public boolean retry(BrowserSetup.Failure failure, String why) {
        EventQueue.invokeLater(() -> {
            status.setText(words.get(failure.name()));
            detail.setText(why);
            bar.setIndeterminate(false);
            bar.setValue(0);
            buttons.setVisible(failure != BrowserSetup.Failure.UNSUPPORTED);
            frame.pack();
        });
        if (failure == BrowserSetup.Failure.UNSUPPORTED) {
            return false;
        }
        try {
            return answer.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        onEventThread(() -> frame.dispose());
    }

    private static void onEventThread(Runnable r) {
        try {
            EventQueue.invokeAndWait(r);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (InvocationTargetException e) {
            throw new IllegalStateException(e.getCause());
        }
    }
}
